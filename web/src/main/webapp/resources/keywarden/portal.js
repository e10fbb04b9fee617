/* Keywarden portal: the idle-session warning and the shown recovery key. No inline script (CSP). */
(function () {
    "use strict";

    function idleTimer(box) {
        var idle = parseInt(box.getAttribute("data-idle-seconds"), 10);
        var warnBefore = Math.min(parseInt(box.getAttribute("data-warn-seconds"), 10), Math.floor(idle / 2));
        var text = document.getElementById("idle-warning-text");
        var template = text.getAttribute("data-template");
        var deadline, warnTimer, tick;

        var asking = false;

        function expire() {
            window.location.assign(box.getAttribute("data-signin"));
        }
        // The countdown ran out: the server ends the session if it is idle there too (204), or answers the
        // seconds it has left when another tab used it since (200), and this page counts down again.
        function runOut() {
            var form = document.getElementById("signout");
            if (!form) {
                expire();
                return;
            }
            if (asking) {
                return;
            }
            asking = true;
            fetch(form.getAttribute("action"), {method: "POST", credentials: "same-origin", cache: "no-store",
                headers: {"Content-Type": "application/x-www-form-urlencoded"}, body: "reason=idle"})
                .then(function (answer) {
                    if (answer.status !== 200) {
                        expire();
                        return;
                    }
                    return answer.text().then(function (left) {
                        asking = false;
                        var seconds = parseInt(left, 10);
                        if (!(seconds > 0)) { // not the server's answer (a proxy's page): end as if idle
                            expire();
                            return;
                        }
                        start(seconds);
                    });
                })
                .catch(expire);
        }
        function countdown() {
            var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
            text.textContent = template.replace("{0}", String(left));
            if (left <= 0) {
                clearInterval(tick);
                runOut();
            }
        }
        function warn() {
            box.hidden = false;
            box.setAttribute("data-warning", "shown");
            countdown();
            tick = setInterval(countdown, 1000);
            document.getElementById("stay-signed-in").focus();
        }
        function start(seconds) {
            var left = seconds > 0 ? seconds : idle;
            clearTimeout(warnTimer);
            clearInterval(tick);
            box.hidden = true;
            box.removeAttribute("data-warning");
            deadline = Date.now() + left * 1000;
            warnTimer = setTimeout(warn, Math.max(0, (left - warnBefore) * 1000));
        }
        document.getElementById("stay-signed-in").addEventListener("click", function () {
            fetch(box.getAttribute("data-keepalive"), {credentials: "same-origin", cache: "no-store"})
                .then(function (answer) { if (answer.status === 204) { start(); } else { expire(); } })
                .catch(expire);
        });
        start();
    }

    function shownKey(box) {
        var password = document.getElementById("recovery-password");
        var hidden = document.getElementById("key-hidden");
        var copy = document.getElementById("copy-key");
        var timer;

        function hide() {
            clearTimeout(timer);
            while (password.firstChild) {
                password.removeChild(password.firstChild);
            }
            box.hidden = true;
            hidden.hidden = false;
            document.body.setAttribute("data-key", "hidden");
        }
        copy.addEventListener("click", function () {
            var groups = Array.prototype.map.call(password.querySelectorAll(".kw-group"), function (g) { return g.textContent; });
            if (navigator.clipboard) {
                navigator.clipboard.writeText(groups.join("-")).then(function () {
                    copy.textContent = copy.getAttribute("data-copied");
                });
            }
        });
        document.getElementById("hide-key").addEventListener("click", hide);
        timer = setTimeout(hide, parseInt(box.getAttribute("data-hide-after-seconds"), 10) * 1000);
        document.body.setAttribute("data-key", "shown");
    }

    document.addEventListener("DOMContentLoaded", function () {
        var idle = document.getElementById("idle-timer");
        if (idle) {
            idleTimer(idle);
        }
        var key = document.getElementById("shown-key");
        if (key) {
            shownKey(key);
        }
        document.body.setAttribute("data-ready", "true");
    });
}());
