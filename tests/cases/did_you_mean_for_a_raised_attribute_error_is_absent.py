class Capteur:
    def __getattr__(self, nom):
        raise AttributeError(f"pas de mesure {nom!r}")


c = Capteur()
print(getattr(c, "temperature", "défaut"))
c.humidite
