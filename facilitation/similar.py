"""Groups similar short messages: TF-IDF on character n-grams, then clustering.

Deterministic: the same messages always give the same groups, in the same order.
"""

import collections
from dataclasses import dataclass
from typing import Callable, List, Tuple

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

# Average cosine distance under which two groups merge (0: same n-grams, 1: none shared).
MAX_DISTANCE = 0.65


@dataclass
class Group:
    variants: List[Tuple[str, int]]  # (text, times seen), most frequent first

    @property
    def count(self) -> int:
        return sum(count for _, count in self.variants)


def group_similar(texts: List[str], key: Callable[[str], str] = str.lower) -> List[Group]:
    """Groups the texts whose `key` look alike; the largest group first."""
    counts = collections.Counter(texts)
    distinct = sorted(counts)
    keys = [" ".join(key(text).split()) for text in distinct]
    if len(distinct) < 2:
        labels = [0] * len(distinct)
    else:
        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit_transform(keys)
        labels = AgglomerativeClustering(
            n_clusters=None, affinity="cosine", linkage="average", distance_threshold=MAX_DISTANCE
        ).fit_predict(vectors.toarray())
    members = collections.defaultdict(list)
    for label, text in zip(labels, distinct):
        members[label].append((text, counts[text]))
    groups = [Group(sorted(group, key=lambda v: (-v[1], v[0]))) for group in members.values()]
    return sorted(groups, key=lambda g: (-g.count, g.variants[0][0]))
