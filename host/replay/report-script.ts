/**
 * The report's own script, inlined and allowed by its hash (report-policy.ts). It only adds to a
 * page that reads fine without it: it pages tables through their data blocks, fits sandboxed
 * frames to their content, and draws charts with the inlined plotly. Rows are written with
 * textContent, never as HTML. Plain ES2019, as the browser runs it: no build step.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  function readJson(element) {
    try {
      return element ? JSON.parse(element.textContent || '') : null;
    } catch (error) {
      return null;
    }
  }
  function count(n) {
    return n.toLocaleString('en-US');
  }

  function pageTable(box) {
    var data = readJson(box.querySelector('.qr-table-data'));
    var pager = box.querySelector('.qr-pager');
    if (!data || !pager) return;
    var size = Number(box.getAttribute('data-page-rows'));
    var total = Number(box.getAttribute('data-total-rows'));
    var body = box.querySelector('tbody');
    var range = box.querySelector('.qr-range');
    var previous = pager.querySelector('[data-page="previous"]');
    var next = pager.querySelector('[data-page="next"]');
    var pages = Math.ceil(data.rows.length / size);
    var page = 0;
    function show() {
      var rows = data.rows.slice(page * size, (page + 1) * size);
      var fragment = document.createDocumentFragment();
      rows.forEach(function (row) {
        var tr = document.createElement('tr');
        row.forEach(function (text, i) {
          var td = document.createElement('td');
          if (data.numeric[i]) td.classList.add('qr-num');
          if (text === null) td.classList.add('qr-null');
          td.textContent = text === null ? 'NULL' : text;
          tr.appendChild(td);
        });
        fragment.appendChild(tr);
      });
      body.replaceChildren(fragment);
      range.textContent =
        'Rows ' + count(page * size + 1) + '\\u2013' + count(page * size + rows.length) + ' of ' + count(total);
      previous.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    previous.addEventListener('click', function () {
      if (page > 0) page -= 1;
      show();
    });
    next.addEventListener('click', function () {
      if (page < pages - 1) page += 1;
      show();
    });
    pager.hidden = false;
  }

  // The root's own height, not scrollHeight: that is never less than the frame's current height.
  function fitFrame(frame) {
    var doc = frame.contentDocument;
    var root = doc && doc.documentElement;
    if (!root) return;
    var scrollbar = root.scrollWidth > root.clientWidth ? 18 : 0;
    frame.style.height = Math.ceil(root.getBoundingClientRect().height) + scrollbar + 'px';
  }

  var BASE_LAYOUT = {
    autosize: true,
    margin: { t: 36, r: 16, b: 40, l: 52 },
    font: { family: 'system-ui, sans-serif', size: 12 },
    paper_bgcolor: 'rgba(0,0,0,0)'
  };

  function drawChart(box) {
    var figure = readJson(box.querySelector('.qr-chart-data'));
    var fallback = box.querySelector('.qr-chart-fallback');
    if (!figure || !window.Plotly) return;
    var layout = Object.assign({}, BASE_LAYOUT, { height: Number(box.getAttribute('data-height')) }, figure.layout);
    window.Plotly.newPlot(box.querySelector('.qr-chart-plot'), figure.data, layout, {
      displaylogo: false,
      responsive: true
    }).then(
      function () {
        if (fallback) fallback.remove();
      },
      function (error) {
        if (fallback) fallback.textContent = 'The chart could not be drawn: ' + (error && error.message);
      }
    );
  }

  document.querySelectorAll('.qr-table').forEach(pageTable);
  var frames = document.querySelectorAll('iframe.qr-frame');
  frames.forEach(function (frame) {
    frame.addEventListener('load', function () {
      fitFrame(frame);
    });
    fitFrame(frame);
  });
  window.addEventListener('resize', function () {
    frames.forEach(fitFrame);
  });
  document.querySelectorAll('.qr-chart').forEach(drawChart);
})();
`;
