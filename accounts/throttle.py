"""Login throttling without lock-outs: failures raise the proof of work asked of the next attempt.

Failures are counted in the shared cache (Redis in scale-out, the database cache otherwise) under
two keys, never under the cédula alone:
- the pair (cédula, network): a stranger on another network can never slow a person down;
- the network alone, across cédulas, with a wider allowance (one address may be a whole office or a
  mobile carrier's NAT).
Past its allowance each further failure adds a level to the proof of work (accounts.proof_of_work),
up to POW_MAX_LEVEL; nothing is ever refused outright, so the owner who knows their password always
gets in, at the cost of a few seconds of their browser's CPU. The cédula is kept as a keyed hash.

A network is an IPv4 /LOGIN_THROTTLE_IPV4_PREFIX or an IPv6 /LOGIN_THROTTLE_IPV6_PREFIX.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_network(client_ip: str) -> str:
    """The network a client address belongs to, for throttling ("unknown" when unparsable)."""
    try:
        address = ipaddress.ip_address(client_ip.strip())
    except ValueError:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    prefix = settings.LOGIN_THROTTLE_IPV4_PREFIX if address.version == 4 else settings.LOGIN_THROTTLE_IPV6_PREFIX
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def network_key(client_ip: str) -> str:
    """The client's network as a keyed hash (never the address itself), to tell sources apart."""
    return salted_hmac("pagina-madre.registration-source", client_network(client_ip)).hexdigest()[:32]


def _cedula_key(cedula: str) -> str:
    return salted_hmac("pagina-madre.login-throttle", cedula).hexdigest()[:32]


def _keys(*, cedula: str, client_ip: str) -> tuple[str, str]:
    network = client_network(client_ip)
    return f"login-fail:pair:{_cedula_key(cedula)}:{network}", f"login-fail:net:{network}"


def login_pow_level(*, cedula: str | None, client_ip: str) -> int:
    """The proof-of-work level the next login attempt must bring (0: none). Without a cédula (the
    empty form), only the network's count is known."""
    pair_key, net_key = _keys(cedula=cedula or "", client_ip=client_ip)
    counts = cache.get_many([pair_key, net_key] if cedula else [net_key])
    free: int = settings.LOGIN_THROTTLE_FREE_FAILURES
    pair_over = counts.get(pair_key, 0) - free + 1 if cedula else 0
    net_over = counts.get(net_key, 0) - free * settings.LOGIN_THROTTLE_NETWORK_FACTOR + 1
    level = max(0, pair_over, net_over)
    max_level: int = settings.POW_MAX_LEVEL
    return min(level, max_level)


def login_record_failure(*, cedula: str, client_ip: str) -> None:
    """Count a failed attempt. A count lasts LOGIN_THROTTLE_WINDOW_SECONDS after the last failure."""
    for key in _keys(cedula=cedula, client_ip=client_ip):
        _count(key, window=settings.LOGIN_THROTTLE_WINDOW_SECONDS)


def login_record_success(*, cedula: str, client_ip: str) -> None:
    """The owner got in from this network: their pair starts afresh (the network's count stays)."""
    cache.delete(_keys(cedula=cedula, client_ip=client_ip)[0])


def _count(key: str, *, window: int) -> int:
    """Add one to `key`, kept `window` seconds after its last count, and return the new count. Not
    atomic on the database cache: for soft measures only (hard limits take slots)."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        count = int(cache.incr(key))
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return 1
    cache.touch(key, timeout=window)  # the database cache's incr() resets the timeout
    return count


SLOT_CHUNK = 50  # slots read per query while looking for a free one


def take_slot(prefix: str, *, limit: int, window: int) -> int | None:
    """Take one of `limit` numbered slots of `prefix`, each held `window` seconds from when it was
    taken: its number (1 = the first free one), or None when all are held. Exact under concurrency
    with every cache backend: a slot is taken by `cache.add`, which only one caller can win (Redis
    SET NX; the database cache's primary key). Costs one read per SLOT_CHUNK slots held, whatever
    the limit."""
    for first in range(1, limit + 1, SLOT_CHUNK):
        numbers = range(first, min(first + SLOT_CHUNK, limit + 1))
        held = cache.get_many([f"{prefix}:{n}" for n in numbers])
        for number in numbers:
            key = f"{prefix}:{number}"
            if key not in held and cache.add(key, 1, timeout=window):
                return number
    return None


def slots_held(prefix: str, *, limit: int) -> int:
    """How many of the first `limit` slots of `prefix` are held (read until a chunk has a free one)."""
    count = 0
    for first in range(1, limit + 1, SLOT_CHUNK):
        numbers = range(first, min(first + SLOT_CHUNK, limit + 1))
        held = len(cache.get_many([f"{prefix}:{n}" for n in numbers]))
        count += held
        if held < len(numbers):
            return count
    return count


def release_slot(prefix: str, number: int) -> None:
    cache.delete(f"{prefix}:{number}")


def password_reset_mail_allowed(*, email: str, client_ip: str) -> bool:
    """Whether a password-reset request may send mail: at most PASSWORD_RESET_MAILS_PER_ADDRESS per
    hour to one address, and PASSWORD_RESET_REQUESTS_PER_NETWORK per hour from one network (a mail
    bomb or a scan costs nothing but a page). The page answers the same either way."""
    hour = 3600
    address = salted_hmac("pagina-madre.password-reset", email.strip().lower()).hexdigest()[:32]
    network = take_slot(
        f"reset:net:{client_network(client_ip)}", limit=settings.PASSWORD_RESET_REQUESTS_PER_NETWORK, window=hour
    )
    if network is None:
        return False
    return take_slot(f"reset:addr:{address}", limit=settings.PASSWORD_RESET_MAILS_PER_ADDRESS, window=hour) is not None


def registration_prefixes(client_ip: str) -> tuple[str, str]:
    """The slot prefixes of registrations from an address and from its network (an hour each)."""
    return f"register:ip:{client_ip.strip()}", f"register:net:{client_network(client_ip)}"


def confirmation_mail_allowed(*, user_id: int) -> bool:
    """At most ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR confirmation links re-sent to one account an hour."""
    limit = settings.ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR
    return take_slot(f"confirm-mail:{user_id}", limit=limit, window=3600) is not None
