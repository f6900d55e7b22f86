"""Rules that the assistant, its tools and its tests share: each written once."""
