"""Measuring extraction against answer keys: the strict rule (`strict.py`), the keys
and evaluation sets (`keys.py`) and `make eval` (`__main__.py`)."""
