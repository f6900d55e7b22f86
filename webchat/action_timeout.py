"""Custom actions get 5 seconds to answer instead of Rasa's 5 minutes.

Rasa 3.6 has no setting for it: the action call and the HTTP session both read
the module constant DEFAULT_REQUEST_TIMEOUT when a request is made.
"""
import rasa.core.actions.action
import rasa.utils.endpoints

ACTION_TIMEOUT_SECONDS = 5

rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
rasa.utils.endpoints.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
