"""Output: rendered bytes in, files in place, all or none, reproducibly."""
