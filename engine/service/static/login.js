// yaosu — the login form. POST /api/session sets the HttpOnly session cookie; the form page
// (/) asks GET /api/session for the CSRF token. No inline script: the page's CSP forbids it.
"use strict";

async function login(event) {
  event.preventDefault();
  const error = document.getElementById("login-error");
  error.textContent = "";
  const button = document.getElementById("login-submit");
  button.disabled = true;
  try {
    const response = await fetch("/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        user: document.getElementById("login-user").value.trim(),
        password: document.getElementById("login-password").value,
      }),
    });
    if (response.ok) {
      location.replace("/");
      return;
    }
    let message = `登录失败（${response.status}）`;
    try {
      const data = await response.json();
      if (typeof data.detail === "string") message = data.detail;
      else if (Array.isArray(data.detail)) message = data.detail.map((d) => d.message).join("；");
    } catch (e) { /* not JSON */ }
    error.textContent = message;
  } catch (e) {
    error.textContent = "无法连接服务器：" + e.message;
  } finally {
    button.disabled = false;
  }
}

// The browser's own "please fill in this field", in Chinese whatever the browser's language.
function chineseRequired(form) {
  for (const input of form.querySelectorAll("input[required]")) {
    const name = input.closest("label").firstChild.textContent.trim();
    input.addEventListener("invalid", () => input.setCustomValidity(`请填写${name}`));
    input.addEventListener("input", () => input.setCustomValidity(""));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("login-form").addEventListener("submit", login);
  chineseRequired(document.getElementById("login-form"));
  document.body.dataset.ready = "1";
});
