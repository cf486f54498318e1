# functools
