"""Faro's Qt desktop app, built on the engine in ``rag``."""
