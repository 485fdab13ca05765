"""Embedding: converting the bundled default model, loading models offline, and the vector cache."""
