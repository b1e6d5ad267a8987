// Starts Swagger UI on this server's OpenAPI document (a file, not inline: the page's CSP allows no inline script).
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
