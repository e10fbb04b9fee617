/* Keywarden portal: the idle-session warning and the shown recovery key. No inline script (CSP). */
(function () {
    "use strict";

    function idleTimer(box) {
        var idle = parseInt(box.getAttribute("data-idle-seconds"), 10);
        var warnBefore = Math.min(parseInt(box.getAttribute("data-warn-seconds"), 10), Math.floor(idle / 2));
        var text = document.getElementById("idle-warning-text");
        var template = text.getAttribute("data-template");
        var deadline, warnTimer, tick;

        var ended = false;
        // idle: the countdown ran out, and the server ends the session now (POST /signout, reason=idle; it
        // keeps the session if another tab used it meanwhile); otherwise the session is gone already
        function end(idle) {
            if (ended) {
                return;
            }
            ended = true;
            var form = document.getElementById("signout");
            if (!idle || !form) {
                window.location.assign(box.getAttribute("data-signin"));
                return;
            }
            var reason = document.createElement("input");
            reason.type = "hidden";
            reason.name = "reason";
            reason.value = "idle";
            form.appendChild(reason);
            form.submit();
        }
        function countdown() {
            var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
            text.textContent = template.replace("{0}", String(left));
            if (left <= 0) {
                clearInterval(tick);
                end(true);
            }
        }
        function warn() {
            box.hidden = false;
            box.setAttribute("data-warning", "shown");
            countdown();
            tick = setInterval(countdown, 1000);
            document.getElementById("stay-signed-in").focus();
        }
        function start() {
            clearTimeout(warnTimer);
            clearInterval(tick);
            box.hidden = true;
            box.removeAttribute("data-warning");
            deadline = Date.now() + idle * 1000;
            warnTimer = setTimeout(warn, Math.max(0, (idle - warnBefore) * 1000));
        }
        document.getElementById("stay-signed-in").addEventListener("click", function () {
            fetch(box.getAttribute("data-keepalive"), {credentials: "same-origin", cache: "no-store"})
                .then(function (answer) { if (answer.status === 204) { start(); } else { end(false); } })
                .catch(function () { end(false); });
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
