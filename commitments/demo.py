"""Demo data of the commitments app: the demo officer works for the Ministry of Education."""

from .models import Agency, AgencyStaff


def load(accounts: dict) -> None:
    officer = accounts["agency_officer"]
    AgencyStaff.objects.update_or_create(user=officer, defaults={"agency": Agency.objects.get(code="moe")})
