"""The library on disk: registry, vector store, keyword index, saved texts, their life cycle, recovery and checks."""
