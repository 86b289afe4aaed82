from django.contrib import admin

from .models import Suggestion

# The inbox finds it because it is a Submission; the Notice has no admin at all and
# still gets its history (backoffice.history).
admin.site.register(Suggestion)
