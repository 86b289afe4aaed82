from .models import Association


def association(request):
    """The association's address and opening hours for the footer."""
    return {"association": Association.load()}
