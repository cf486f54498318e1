from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", [1, 2])))
print(len(list(product(range(3), repeat=3))))
print(list(permutations([1, 2, 3])))
print(list(permutations("abc", 2)))
print(list(combinations("ABCD", 2)))
print(list(combinations_with_replacement("xy", 3)))
print(list(combinations([1, 2], 3)), list(permutations([], 0)))
