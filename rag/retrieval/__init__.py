"""Search: dense and keyword candidates fused, re-ranked by the documents a question names."""
