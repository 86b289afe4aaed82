/* The members' map: shown only after the visitor agrees to load map images from OpenStreetMap.

   templates/members/includes/map.html renders a hidden section with the places as JSON
   and the addresses of our own copy of Leaflet in data attributes. This script shows the
   consent button; only its click loads Leaflet (from this site) and then the tiles (from
   tile.openstreetmap.org). Without JavaScript the section stays hidden: the page's list
   already holds every place. */
(function () {
  "use strict";

  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var HANNOVER = [52.3759, 9.732];

  function loadLeaflet(section) {
    if (window.L) {
      return Promise.resolve(window.L);
    }
    return new Promise(function (resolve, reject) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = section.dataset.leafletCss;
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = section.dataset.leafletJs;
      script.onload = function () { resolve(window.L); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function popupContent(point) {
    // Built from nodes, never from HTML strings: names are entered by editors.
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    return link;
  }

  function showMap(section, L) {
    var points = JSON.parse(document.getElementById(section.dataset.map).textContent);
    var canvas = section.querySelector(".map-canvas");
    canvas.hidden = false;
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", section.dataset.mapLabel);

    var map = L.map(canvas, { scrollWheelZoom: false });
    var attribution = document.createElement("span");
    var osm = document.createElement("a");
    osm.href = "https://www.openstreetmap.org/copyright";
    osm.textContent = "© OpenStreetMap";
    attribution.append(section.dataset.attribution + ": ", osm);
    L.tileLayer(TILES, {
      maxZoom: 19,
      attribution: attribution.outerHTML,
      // The site sends no referrer elsewhere; OpenStreetMap asks for the origin.
      referrerPolicy: "strict-origin-when-cross-origin",
    }).addTo(map);

    var icon = L.icon({
      iconUrl: section.dataset.iconUrl,
      iconRetinaUrl: section.dataset.iconRetinaUrl,
      shadowUrl: section.dataset.shadowUrl,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
    var markers = points.map(function (point) {
      return L.marker([point.lat, point.lng], { icon: icon, title: point.name, alt: point.name })
        .bindPopup(popupContent(point));
    });
    var group = L.featureGroup(markers).addTo(map);
    if (markers.length > 1) {
      map.fitBounds(group.getBounds(), { padding: [30, 30], maxZoom: 15 });
    } else if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), 15);
    } else {
      map.setView(HANNOVER, 12);
    }
    canvas.focus();
  }

  document.querySelectorAll("[data-map]").forEach(function (section) {
    var consent = section.querySelector(".map-consent");
    var button = section.querySelector(".map-consent-button");
    section.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      loadLeaflet(section).then(function (L) {
        consent.hidden = true;
        showMap(section, L);
      }, function () {
        button.disabled = false;
      });
    });
  });
})();
