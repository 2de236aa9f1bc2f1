"""Answers: evidence chosen from the passages found, the prompt, the model's checked claims and citations."""
