"""muqabala: claim-level cross-checking of news reports across outlets."""
