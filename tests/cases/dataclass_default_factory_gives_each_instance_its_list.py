from dataclasses import dataclass, field

@dataclass
class Panier:
    client: str
    articles: list = field(default_factory=list)
    remise: int = 0

p1 = Panier("Ana")
p2 = Panier("Bob")
p1.articles.append("stylo")
print(p1, p2)
print(p1.articles is p2.articles)
try:
    @dataclass
    class Mauvais:
        articles: list = []
except ValueError as e:
    print("ValueError:", e)
