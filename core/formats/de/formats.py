# A comma between date and time, as German writes it (DIN 5008) and as the site always
# showed it: "1. Juli 2026, 18:00". Django's own has none.
DATETIME_FORMAT = "j. F Y, H:i"
