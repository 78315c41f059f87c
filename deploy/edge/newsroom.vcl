# The newsroom's edge: Varnish 7 with the xkey module (Debian: varnish, varnish-modules), in
# front of several instances (docs/decisions/024-the-edge.md, docs/deployment.md).
#
# - Pages, feeds, sitemaps and the API's reads are kept for a day (the instances' Surrogate-Control)
#   and soft-purged by their content tags (the instances' xkey header) the moment a commit
#   changes them: the instances send `PURGE /` with `xkey-softpurge: <tags>`, proving themselves
#   with the secret this file is given. Browsers get the instances' Cache-Control unchanged.
# - A purged or expired page is fetched again before it is served while an instance is up; with
#   every instance down, the last copy is served (X-Cache-Status: STALE) for a day.
# - X-Cache-Status: HIT, MISS (a fetch, whether or not its answer may be kept) or STALE.
#
# deploy/edge/run writes the instances (as backends, and into the director) and the purge secret
# into a copy of this file, where the markers between at signs stand, and starts varnishd with it.
vcl 4.1;

import std;
import directors;
import xkey;
import var;

# An instance is taken out after two failed checks of the last three (two seconds), and back after two good ones.
probe health {
    .request = "GET /api/health HTTP/1.1" "Host: edge" "Connection: close" "User-Agent: newsroom-edge-probe";
    .interval = 1s;
    .timeout = 500ms;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

@BACKENDS@

sub vcl_init {
    new instances = directors.round_robin();
@DIRECTOR@
}

sub vcl_recv {
    # Purges: only with the secret, from wherever they come; the secret is never logged or echoed.
    if (req.method == "PURGE") {
        if (req.http.X-Purge-Secret != "@PURGE_SECRET@") {
            return (synth(403, "Forbidden"));
        }
        unset req.http.X-Purge-Secret;
        if (req.http.X-Purge-All) {
            std.ban("obj.status != 0");
            set req.http.X-Purged = "all";
        } elsif (req.http.xkey-softpurge) {
            set req.http.X-Purged = xkey.softpurge(req.http.xkey-softpurge);
        } elsif (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        } else {
            return (synth(400, "Name the tags in xkey-softpurge"));
        }
        # Answers an instance made before it had read this purge's events are not kept (vcl_backend_response).
        if (req.http.X-Purge-Seq ~ "^[0-9]{1,18}$" && std.integer(req.http.X-Purge-Seq, 0) > std.integer(var.global_get("purged_seq"), 0)) {
            var.global_set("purged_seq", req.http.X-Purge-Seq);
        }
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    # A request that says it is a purge but is not one of ours: nothing is purged.
    unset req.http.xkey-softpurge;
    unset req.http.xkey-purge;

    set req.backend_hint = instances.backend();
    if (!req.http.X-Request-Id) {
        set req.http.X-Request-Id = "edge-" + server.identity + "-" + req.xid;
    }
    # The site reads no cookie: one would only split the cache.
    unset req.http.Cookie;
    # Save-Data: on gets the lite page at the full page's address (issue 31): one spelling or
    # none, and part of the key (vcl_hash), so the two are kept apart and nothing else splits them.
    if (req.http.Save-Data ~ "(?i)^\s*on\s*$") {
        set req.http.Save-Data = "on";
    } else {
        unset req.http.Save-Data;
    }

    unset req.http.X-Edge-Pass;
    if (req.method != "GET" && req.method != "HEAD") {
        set req.http.X-Edge-Pass = "1";
        return (pass);
    }
    if (req.http.Authorization) {
        set req.http.X-Edge-Pass = "1";
        return (pass);
    }
    # / answers the edition of the reader's Accept-Language (Vary: Accept-Language): asked every time.
    # Search and previews are each reader's own (the instances say private, no-store); health and
    # readiness are about the instance that answers.
    if (req.url ~ "^/(\?|$)" || req.url ~ "^/[a-z]{2}/(search|preview)(\.lite)?([/?]|$)" || req.url ~ "^/api/(health|ready)([/?]|$)") {
        set req.http.X-Edge-Pass = "1";
        return (pass);
    }
    # While an instance is up, a page past its time (or purged) is fetched again before it is
    # served; with every instance down, or on the second try after a server error, the last copy is.
    if (req.restarts == 0 && std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    } else {
        set req.grace = 1d;
    }
    return (hash);
}

# The App Router's requests for a page's RSC payload (and Next's redirects of them, which carry no
# Vary) are kept apart from its HTML: the key holds the router's request headers, as nginx's does.
sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    hash_data("rsc=" + req.http.RSC);
    hash_data("prefetch=" + req.http.Next-Router-Prefetch);
    hash_data("segment=" + req.http.Next-Router-Segment-Prefetch);
    hash_data("tree=" + req.http.Next-Router-State-Tree);
    hash_data("save-data=" + req.http.Save-Data);
    return (lookup);
}

sub vcl_hit {
    if (obj.ttl > 0s) {
        set req.http.X-Edge-Status = "HIT";
    } else {
        set req.http.X-Edge-Status = "STALE";
    }
}

sub vcl_miss {
    set req.http.X-Edge-Status = "MISS";
}

sub vcl_pass {
    set req.http.X-Edge-Status = "MISS";
}

sub vcl_backend_fetch {
    # Varnish asks for gzip and keeps one compressed copy; the id is the reader's request's.
    unset bereq.http.X-Edge-Status;
    unset bereq.http.X-Edge-Pass;
    # An upload is checked and stored after its last byte: a long video takes longer than a page
    # (decision 025), as nginx's proxy_read_timeout for it says too.
    if (bereq.method == "POST" && bereq.url == "/api/v1/media") {
        set bereq.first_byte_timeout = 300s;
    }
}

sub vcl_backend_response {
    # A server error is never kept. A background refresh that fails keeps the old copy.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        return (deliver);
    }
    # Compressed once, here, for every reader whose browser takes gzip.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # Tagged answers: kept as long as the instances' Surrogate-Control says (a day), since they
    # are purged when they change, and served stale for as long again if every instance is down.
    if (beresp.http.xkey && beresp.http.Surrogate-Control ~ "(^|[ ,])max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^(.*[ ,])?max-age=([0-9]+).*$", "\2") + "s", 0s);
        if (beresp.http.Surrogate-Control ~ "stale-if-error=[0-9]+") {
            set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control, "^.*stale-if-error=([0-9]+).*$", "\1") + "s", 0s);
        } else {
            set beresp.grace = 1d;
        }
        set beresp.keep = 1d;
        unset beresp.http.Surrogate-Control;
        call older_than_the_last_purge;
        return (deliver);
    }
    unset beresp.http.Surrogate-Control;
    # A large video or recording (decision 025): the edge keeps what players ask for most — the
    # renditions, tens of megabytes — but not an upload of gigabytes, whose ranges the instances
    # answer themselves (a pass forwards the Range header).
    if (bereq.url ~ "^/media/[0-9a-f]{32}\.(mp4|mov|webm|m4a|mp3|wav)$" && std.integer(beresp.http.Content-Length, 0) > 268435456) {
        return (pass(1d));
    }
    # Anything else follows its Cache-Control (s-maxage first), with a day of grace for when
    # every instance is down; uploads and crops say immutable and are kept for their year.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1") + "s", 0s);
    } elsif (beresp.ttl > 0s) {
        set beresp.grace = 1d;
    }
    call older_than_the_last_purge;
    # Falls through to Varnish's built-in rules: private, no-store, Set-Cookie and Vary: * are never kept.
}

# Made by an instance that had not yet read the events of a purge this edge already had (its
# change feed is milliseconds behind): the reader gets it, but it is kept as already past its
# time — the next reader's request fetches again, from an instance up to date by then — and only
# as the copy to serve should every instance go down (it replaces the purged copy, which was no newer).
sub older_than_the_last_purge {
    if (beresp.http.X-Content-Seq && std.integer(beresp.http.X-Content-Seq, 0) < std.integer(var.global_get("purged_seq"), 0)) {
        # A millisecond, not zero: Varnish's lookup skips an object whose time is zero as dead,
        # grace or not; one that has run out is still there for grace.
        set beresp.ttl = 0.001s;
        if (beresp.http.Cache-Control !~ "(?i)(private|no-store|no-cache)" && !beresp.http.Set-Cookie) {
            return (deliver);
        }
    }
}

sub vcl_backend_error {
    # An instance that could not be reached: the other one, once, for a read. Then nothing is
    # stored (a stored error would replace the copy the edge still has): the reader's request
    # gets a 503 in vcl_synth, which tries once more for the last copy.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    return (abandon);
}

sub vcl_deliver {
    # A server error for a page the edge may hold: once more, taking the last copy if there is one.
    if (resp.status >= 500 && req.restarts == 0 && !req.http.X-Edge-Pass && req.http.X-Edge-Status == "MISS") {
        return (restart);
    }
    set resp.http.X-Cache-Status = req.http.X-Edge-Status;
    set resp.http.X-Request-Id = req.http.X-Request-Id;
    # What the edge was told is between it and the instances.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.X-Content-Seq;
    unset resp.http.X-Nextjs-Cache;
    unset resp.http.X-Nextjs-Prerender;
    unset resp.http.X-Nextjs-Stale-Time;
    unset resp.http.X-Varnish;
    unset resp.http.Via;
}

sub vcl_synth {
    # No instance could be reached for a page the edge may hold: once more, for the last copy.
    if (resp.status == 503 && req.restarts == 0 && !req.http.X-Edge-Pass && req.http.X-Edge-Status == "MISS") {
        return (restart);
    }
    if (resp.status == 503) {
        set resp.http.Retry-After = "5";
        set resp.http.X-Cache-Status = "MISS";
    }
    unset resp.http.X-Varnish;
    set resp.http.Cache-Control = "no-store";
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    synthetic(resp.reason + {"
"});
    return (deliver);
}
