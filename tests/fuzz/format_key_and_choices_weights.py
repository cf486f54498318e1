# Found by the fuzzer (seed 12): '%(key' without its ')' and random.choices with
# weights not matching the population (or an empty population) panicked; CPython raises.
import random
for fmt in ["%(a", "%(a)s and %(b"]:
    try:
        print(fmt % {"a": 1})
    except ValueError as e:
        print("ValueError:", e)
for weights in [[1], [1, 2, 3, 4]]:
    try:
        random.choices([1, 2, 3], weights=weights, k=2)
    except ValueError as e:
        print("ValueError:", e)
for pop in [[], ()]:
    try:
        random.choices(pop, k=1)
    except IndexError as e:
        print("IndexError:", e)
print(random.choices([], k=0))
