# Found by the fuzzer (seed 11): int(text, base) with a base outside 2..36 panicked in
# char::to_digit. CPython: ValueError: int() base must be >= 2 and <= 36, or 0
for base in [1, 37, -1, 100, 0, 36, 2]:
    try:
        print(base, int("10", base))
    except ValueError as e:
        print(base, e)
