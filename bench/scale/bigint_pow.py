# Big ints: 2 ** (10 ** 8) (a shift), then a product of two 600,000-bit numbers
# (Karatsuba), and the 4300-digit limit of str().
x = 2 ** (10 ** 8)
y = 3 ** 400_000
z = y * (y + 1)
print(x.bit_length(), z.bit_length(), z % 1_000_003)
