"""Detection of slurs, identity attacks and dehumanization, naming the targeted group."""
