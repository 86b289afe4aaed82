"""Settings for the MiSO website.

Everything that differs between machines comes from the environment (or a
``.env`` file beside ``manage.py``). Without any of it you get a debug site on
SQLite; with ``DEBUG=false`` the site refuses to start until ``SECRET_KEY`` and
``ALLOWED_HOSTS`` are set.
"""

from pathlib import Path

import environ
from csp import constants as csp
from js_asset import static_lazy

from core.rich_text import allow_image_references

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="development-only-key-never-use-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
else:
    # No defaults: a production server without them must not start.
    SECRET_KEY = env("SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "backoffice.apps.BackofficeAdminConfig",  # Django's admin with the office's own admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "reversion",
    "import_export",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # The project's own apps by their configuration class: a content app's is a
    # core.apps.ContentAppConfig, which is how the shared mechanisms find its models.
    "core.apps.CoreConfig",
    "backoffice.apps.BackofficeConfig",
    "images.apps.ImagesConfig",
    "pages.apps.PagesConfig",
    "members.apps.MembersConfig",
    "people.apps.PeopleConfig",
    "news.apps.NewsConfig",
    "events.apps.EventsConfig",
    "projects.apps.ProjectsConfig",
    "documents.apps.DocumentsConfig",
    "accounts.apps.AccountsConfig",
    "bookings.apps.BookingsConfig",
    "search",
]

MIDDLEWARE = [
    # First: everything after it sees the visitor's address, not the proxy's.
    "core.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 for every page; then the page cache (core/cache.py), which
    # stores pages already compressed, before sessions or languages cost anything.
    "django.middleware.http.ConditionalGetMiddleware",
    "core.cache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "backoffice.admin_language.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lock-out into its page
]

ROOT_URLCONF = "miso_site.urls"
WSGI_APPLICATION = "miso_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "pages.context_processors.association",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Deadlines (seconds): a database that does not answer costs a request an error, not a
    # worker. manage.py sets no statement timeout: a migration or a backup takes what it needs.
    # (SQLite waits at most 5 seconds for a lock, Python's default.)
    database_options = DATABASES["default"].setdefault("OPTIONS", {})
    database_options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
    statement_timeout = env.float("DATABASE_STATEMENT_TIMEOUT", default=10)
    if statement_timeout:
        milliseconds = f"{statement_timeout * 1000:.0f}"
        database_options["options"] = (
            f"{database_options.get('options', '')} -c statement_timeout={milliseconds}".strip()
        )
    # PostgreSQL's own lookups and the exclusion constraint against double bookings
    # (bookings/migrations/0002_no_double_booking.py); SQLite has neither.
    INSTALLED_APPS.append("django.contrib.postgres")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every transaction takes SQLite's write lock when it begins: one that read first and
    # wrote later would fail at once ("database is locked") when another wrote meanwhile,
    # and a transaction that counts places and then books one must not read a stale count.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://miso")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis is optional at run time: while it is down or frozen the site goes on without
    # it (core/redis_cache.py). A call gives up after these socket timeouts (seconds),
    # which the URL may set too: redis://host:6379/1?socket_timeout=0.5
    CACHES["default"]["BACKEND"] = "core.redis_cache.OptionalRedisCache"
    cache_options = CACHES["default"].setdefault("OPTIONS", {})
    cache_options.setdefault("socket_connect_timeout", 0.25)
    cache_options.setdefault("socket_timeout", 0.25)
# Cards and other pieces of pages, the same for everyone who sees them (core/fragments.py):
# many small entries, kept apart from the pages, rate limits and sign-in codes of "default".
# Beside Redis they go to the same server under their own prefix; in local memory each
# worker holds up to 5,000 (a few MB).
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["fragments"] = {
        "BACKEND": CACHES["default"]["BACKEND"],
        "LOCATION": "miso-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
else:
    CACHES["fragments"] = CACHES["default"] | {"KEY_PREFIX": "fragment"}
# Anonymous visitors' pages are cached this many seconds at most (0 switches the
# page cache off, as in development); every content change clears them at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 300)
# With the local-memory cache, the file whose time tells every worker that content changed.
PAGE_CACHE_STAMP = Path(env("PAGE_CACHE_STAMP", default=str(BASE_DIR / "var" / "page-cache.stamp")))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages, in the order the site shows them; each is named in itself.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and time formats where Django's own are wrong for a language (Arabic has no
# DATETIME_FORMAT of its own): core/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["core.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Request bodies: Django refuses form data over DATA_UPLOAD_MAX_MEMORY_SIZE (its default,
# 2.5 MB) with the 400 page. The proxy `make serve` puts in front (deploy/nginx.conf) refuses
# any body over it, files included, except under /admin/: there the largest upload the admin
# takes (a 20 MB PDF) must fit with the form around it.
ADMIN_REQUEST_MAX_SIZE = 25 * 1024 * 1024
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Files handed out only by a view that checks who asks (members-only documents).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
# Where `manage.py backup` writes its archives unless told otherwise (README, "Backup").
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "var" / "backups")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "documents.storage.PrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

if env("MEDIA_STORAGE", default="local") == "s3":
    # Uploads on S3-compatible object storage (django-storages), shared by every server.
    # Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (read by boto3).
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env("AWS_STORAGE_BUCKET_NAME"), "querystring_auth": False},
    }
    # Members-only documents: a bucket nobody can read from outside; the download view fetches.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env("AWS_PRIVATE_BUCKET_NAME"), "default_acl": "private"},
    }

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Seconds a mail server may keep a request waiting at each step; then the email counts
# as failed (the submission is stored before, core/views.py).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@miso-netzwerk.de")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where contact messages and membership applications are announced.
OFFICE_EMAIL = env("OFFICE_EMAIL", default="info@miso-netzwerk.de")
# Seconds between the attempts to send an email (1 min, 5 min, 30 min, 2 h, 6 h); after the
# last one it has failed, and the office's inbox offers to send it again.
EMAIL_RETRY_DELAYS = env.list("EMAIL_RETRY_DELAYS", cast=int, default=[60, 300, 1800, 7200, 21600])
# Days a sent email (its copy in core.models.OutgoingEmail) is kept before a daily job
# deletes it; failed ones stay until the office sends or deletes them.
SENT_EMAIL_KEEP_DAYS = env.int("SENT_EMAIL_KEEP_DAYS", default=14)

# Background tasks (django-tasks): every email is sent by a worker, never in a request.
# The queue is in the site's database by default (`manage.py task_worker` works it); with
# TASKS_REDIS_URL (e.g. redis://127.0.0.1:6379/1) it is in Redis, worked by RQ's workers
# (README, "Deploy").
TASKS_REDIS_URL = env("TASKS_REDIS_URL", default="")
if TASKS_REDIS_URL:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": 60 * 10}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The site's own address, for links in emails sent without a visitor's request
# (reminders sent by the daily schedule).
SITE_URL = env("SITE_URL", default="http://localhost:8000").rstrip("/")
# Days after an event when its registrants' names, addresses and answers are deleted
# (events.registrations.forget_past_registrants); the counts stay for reports.
REGISTRATION_DATA_DAYS = env.int("REGISTRATION_DATA_DAYS", default=30)

# Everyone signs in at /<language>/account/login/ (django-allauth), staff too: the admin's
# own login page sends there (backoffice.admin_site).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:account"
# Sessions stay in the database (Django's default), not in the cache: every server reads
# the same ones, and while Redis is away nobody is logged out, nor is a session that was
# ended meanwhile brought back from an old cached copy when Redis returns.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True

# The proxies in front of the site (load balancer, nginx) whose X-Forwarded-For header
# names the visitor: their addresses or networks ("10.0.0.2,10.1.0.0/16"), or their number
# ("2"). Nobody by default: REMOTE_ADDR is the visitor. See core/proxies.py.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Logins: django-axes checks first and locks a user name out from the visitor's address
# after AXES_FAILURE_LIMIT failed attempts, for AXES_COOLOFF_TIME (hours) from the last
# counted failure. Attempts while locked out are not counted, so someone who keeps trying
# cannot stretch the lock-out; and a lock-out never reaches other addresses.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "core.proxies.client_address"
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"
# allauth's login form sends the address as "email", Django's as "username".
AXES_USERNAME_CALLABLE = "accounts.adapter.login_name"

# Accounts (django-allauth): by invitation only (accounts.invitations), signed in with the
# email address. A changed address replaces the old one only once a link sent to it was
# opened; the old address is told. Failed sign-ins are django-axes' (above): it counts in the
# database. allauth's rate limits count in the cache and refuse everyone while a shared cache
# fails, so they are off for signing in (which must go on then) and on for password resets
# and email changes, per address and per email address or account.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {
    "login": None,
    "login_failed": None,
    "reset_password": "5/m/ip,3/h/key",
    "reset_password_from_key": "10/m/ip",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "MiSO: "
# Two-factor sign-in: an authenticator app and recovery codes. Required for staff
# (core.two_factor), offered to members on their account page.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "MiSO-Netzwerk Hannover"
# A code of the previous or next 30 seconds counts too: phone clocks drift, and a code typed
# as it changes would fail. Each code is still accepted only once.
MFA_TOTP_TOLERANCE = 1
# Invitations: how long the link to set a password stays valid (seconds).
INVITATION_MAX_AGE = 60 * 60 * 24 * 7
# Days the account log (sign-ins, failed sign-ins, changes of rights) is kept; the privacy
# page says so. `manage.py prune_account_log`, run daily, deletes older lines.
ACCOUNT_LOG_DAYS = 365
# Invitations one office account may send per hour.
INVITATIONS_PER_HOUR = env.int("INVITATIONS_PER_HOUR", default=50)

# The rich-text editor's extensions beyond django-prose-editor's own (core/fields.py turns
# them on): a picture from the image library, with its script and the one tag the sanitiser
# lets through for it.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/rich-text-image.js")],
        "extensions": {"LibraryImage": allow_image_references},
    }
]

# Spreadsheet imports wait for confirmation in the cache, which every server shares.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers check the servers over plain http; a redirect would count as unhealthy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a load balancer that terminates TLS, set SECURE_PROXY_SSL_HEADER=true.
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A refused form (expired or missing CSRF token) gets a translated page.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# Public pages load only the site's own files: no inline scripts or styles, nothing
# from other hosts. The one exception is map tiles (images only), which the map
# requests only after the visitor has agreed. SECURITY.md explains each rule.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:", "https://tile.openstreetmap.org"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
# Added under /admin/ only: the rich-text editor's import map carries the page's
# nonce, and the editor and the language tabs set inline styles.
CONTENT_SECURITY_POLICY_ADMIN = {"script-src": [csp.NONCE], "style-src": [csp.UNSAFE_INLINE]}
# Browser features no page uses are switched off for the site and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
