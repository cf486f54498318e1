# itertools
