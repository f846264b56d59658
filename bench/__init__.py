"""The performance benchmark of issue 9 (`make bench`); not part of `make test`."""
