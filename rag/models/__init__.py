"""The models: embedders, answer generators (in-process llama.cpp in a child process, or a server), GGUF files."""
