"""Faro's benchmarks: Faro against a LangChain reference pipeline on the same machine and data (``faro bench``)."""
