"""Ingestion: finding files, reading them in an isolated process, chunking, embedding, and re-indexing."""
