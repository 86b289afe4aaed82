"""Member accounts in the admin, managed by the office without the power to raise anyone's rights.

Superusers get Django's whole user admin. Anyone else who may change accounts (the
Office role, ``backoffice.roles``) sees only accounts that are neither staff nor
superuser, and may change on them the name, email address and password, whether
the account is active, and whether it is in the Members group. Other groups, the
staff and superuser flags and single permissions are not in the form, and a save
that would touch an account with rights, or one's own, is refused whatever was sent.
"""

from django import forms
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from .roles import MEMBERS

MEMBER_FIELDS = ["username", "password", "first_name", "last_name", "email", "is_active", "groups"]


def manages_all(request):
    return request.user.is_superuser


def has_rights(account):
    return account.is_staff or account.is_superuser


class MemberAccountAdmin(UserAdmin):
    def get_queryset(self, request):
        accounts = super().get_queryset(request)
        if manages_all(request):
            return accounts
        return accounts.filter(is_staff=False, is_superuser=False)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not manages_all(request) and has_rights(obj):
            return False
        return super().has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        if obj is None or manages_all(request):
            return super().get_fieldsets(request, obj)
        return [(None, {"fields": MEMBER_FIELDS})]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not manages_all(request):
            kwargs["queryset"] = Group.objects.filter(name=MEMBERS.group)
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not manages_all(request) and (has_rights(obj) or obj.pk == request.user.pk):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if manages_all(request):
            return super().save_related(request, form, formsets, change)
        # The form offers only the Members group: whatever other groups the account has stay.
        others = list(form.instance.groups.exclude(name=MEMBERS.group))
        super().save_related(request, form, formsets, change)
        form.instance.groups.add(*others)
