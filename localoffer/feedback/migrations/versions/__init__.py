"""One file per change to the schema, oldest first; never edit one that has shipped."""
