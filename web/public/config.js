// Runtime configuration for the nCEN browser app.
// Replace this file when hosting dist/ apart from the API, e.g.:
//   window.__NCEN_CONFIG__ = { apiUrl: 'https://ncen-api.example.gov' };
// An empty apiUrl (the default) means "same origin as the app".
window.__NCEN_CONFIG__ = window.__NCEN_CONFIG__ || {};
