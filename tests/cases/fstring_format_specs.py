nom = "Boucle"
pi = 3.14159265
n = 1234567
print(f"[{nom:>10}]")
print(f"[{nom:<10}]")
print(f"[{nom:^10}]")
print(f"[{nom:*^12}]")
print(f"{pi:.2f} {pi:.0f} {pi:10.3f}|")
print(f"{n:,} {n:_} {n:,.2f}")
print(f"{42:05d} {-42:05d} {7:+d}")
print(f"{255:x} {255:X} {255:#x} {255:o} {5:b} {5:08b}")
print(f"{nom!r} {nom!s} {'é'!a}")
largeur = 8
precision = 3
print(f"[{pi:{largeur}.{precision}f}]")
print(f"[{nom:>{largeur}}]")
print(f"{0.25:%} {0.256:.1%}")
print(f"{12345.678:e} {12345.678:.2e} {0.0001234:g}")
print(f"{'a' + 'b'} {len(nom) * 2} {{accolades}}")
x = 10
print(f"{x=} {x * 2 = }")
print("{} + {} = {}".format(1, 2, 3), "{b}{a}".format(a="A", b="B"), "{0:>4}|".format(7))
print("%s a %d ans, %.1f" % ("Léa", 20, 1.25))
