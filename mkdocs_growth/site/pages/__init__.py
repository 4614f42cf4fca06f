"""One module per generated page family: the data model of what a page shows."""
