"""Quality checks as plain Python: GX suites, their results and the results table."""
