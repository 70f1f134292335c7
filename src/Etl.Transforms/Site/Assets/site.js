// ClusterEtl site: draws every chart of the page with Chart.js (bundled beside this file, MIT licence) from the JSON
// block each <canvas data-spec="ID"> points to. No network, no server: the page works opened from disk.
(function () {
  'use strict';
  var palette = ['#1f5f8b', '#d9822b', '#3a8f5c', '#a23b72', '#6c757d', '#b8860b', '#5b4b8a', '#2f8f8f'];

  function format(value, unit, lang) {
    if (value === null || value === undefined) return '-';
    var locale = lang === 'es' ? 'es' : 'en';
    if (unit === 'share') return (value * 100).toLocaleString(locale, { maximumFractionDigits: 1 }) + ' %';
    return value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 3 });
  }

  // Kaplinsky-Readman: lines through zero and the name of each quadrant in its corner.
  var quadrants = {
    id: 'quadrants',
    afterDraw: function (chart, args, options) {
      if (!options || !options.labels) return;
      var ctx = chart.ctx, area = chart.chartArea, x = chart.scales.x, y = chart.scales.y;
      var x0 = Math.min(Math.max(x.getPixelForValue(0), area.left), area.right);
      var y0 = Math.min(Math.max(y.getPixelForValue(0), area.top), area.bottom);
      ctx.save();
      ctx.strokeStyle = '#888';
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x0, area.top); ctx.lineTo(x0, area.bottom);
      ctx.moveTo(area.left, y0); ctx.lineTo(area.right, y0);
      ctx.stroke();
      ctx.fillStyle = '#555';
      ctx.font = '12px sans-serif';
      var l = options.labels;
      ctx.textAlign = 'right'; ctx.textBaseline = 'top'; ctx.fillText(l.upperRight, area.right - 4, area.top + 4);
      ctx.textAlign = 'left'; ctx.fillText(l.upperLeft, area.left + 4, area.top + 4);
      ctx.textBaseline = 'bottom'; ctx.fillText(l.lowerLeft, area.left + 4, area.bottom - 4);
      ctx.textAlign = 'right'; ctx.fillText(l.lowerRight, area.right - 4, area.bottom - 4);
      ctx.restore();
    }
  };

  function axis(title, unit, lang, position, stacked) {
    return {
      position: position, stacked: !!stacked,
      title: { display: !!title, text: title },
      grid: { drawOnChartArea: position !== 'right' },
      ticks: { callback: function (v) { return format(v, unit, lang); } }
    };
  }

  function draw(canvas) {
    var spec = JSON.parse(document.getElementById(canvas.getAttribute('data-spec')).textContent);
    var lang = document.documentElement.lang;
    var datasets = spec.series.map(function (s, i) {
      var color = palette[i % palette.length];
      return {
        label: s.label, data: s.data, type: s.kind, yAxisID: s.axis === 'right' ? 'y2' : 'y',
        borderColor: color, backgroundColor: s.kind === 'line' ? color : color + 'cc',
        pointRadius: spec.type === 'scatter' ? 5 : 3, spanGaps: false, unit: s.unit
      };
    });
    var scales = { y: axis(spec.yTitle, spec.yUnit, lang, 'left', spec.stacked) };
    if (spec.series.some(function (s) { return s.axis === 'right'; })) scales.y2 = axis(spec.y2Title, spec.y2Unit, lang, 'right');
    if (spec.type === 'scatter') scales.x = axis(spec.xTitle, spec.xUnit, lang, 'bottom');
    else scales.x = { stacked: !!spec.stacked, title: { display: !!spec.xTitle, text: spec.xTitle } };
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        scales: spec.horizontal ? { x: axis(spec.yTitle, spec.yUnit, lang, 'bottom'), y: { title: { display: false } } } : scales,
        plugins: {
          legend: { display: spec.series.length > 1 },
          quadrants: spec.quadrants ? { labels: spec.quadrants } : false,
          tooltip: {
            callbacks: {
              label: function (c) {
                var raw = c.raw, unit = c.dataset.unit;
                if (raw !== null && typeof raw === 'object') return raw.label + ': ' + format(raw.x, spec.xUnit, lang) + ', ' + format(raw.y, spec.yUnit, lang);
                return c.dataset.label + ': ' + format(raw, unit, lang);
              }
            }
          }
        }
      },
      plugins: spec.quadrants ? [quadrants] : []
    });
  }

  document.querySelectorAll('canvas[data-spec]').forEach(draw);
})();
