import { useEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent, type PointerEvent } from 'react';
import { ActionIcon, Box, Group, Paper, Text } from '@mantine/core';
import { IconFocusCentered, IconMinus, IconPlus } from '@tabler/icons-react';
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { useTranslation } from 'react-i18next';
import '@/i18n/statistics';
import type { Atlas } from '../lib/atlas';
import {
  arrowHead,
  boxAround,
  clampBox,
  curve,
  MAP_HEIGHT,
  MAP_WIDTH,
  measureOf,
  PLACE_RADIUS,
  SEGMENT_WIDTH,
  sqrtScale,
  zoomBox,
  type Box as ViewBox,
  type MapMeasure,
  type Place,
  type Segment,
} from '../lib/mapData';
import type { Country } from '../lib/geo';

const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);

export interface MapWords {
  /** a country's name in the UI language */
  country: (code: string) => string;
  /** a segment as "Ecuador → Spain" */
  segment: (s: Segment) => string;
  /** a place's coordinates in words */
  place: (p: Place) => string;
  /** "Cases: 3", "Mass: 12 kg" */
  figures: (c: { cases: number; kg: number }) => string[];
}

interface Tip {
  x: number;
  y: number;
  title: string;
  lines: string[];
}

/**
 * The routes map (an SVG drawn with d3-geo): the countries, those on the routes shaded; a
 * curved line for each route segment from one country's main land to the next, its width by
 * the measure (square-root scale) and an arrowhead in the middle pointing onwards; a circle at
 * each place of seizure, its area by the measure. Lines and circles show their figures on hover
 * and keyboard focus. Opens on the part of the world the routes and places cover; the buttons,
 * the wheel and dragging zoom and move it. The tables beside it give the same figures.
 */
export function RoutesMap({
  atlas,
  segments,
  places,
  locate,
  measure,
  words,
}: {
  atlas: Atlas;
  /** the segments to draw (both countries located), largest first */
  segments: readonly Segment[];
  places: readonly Place[];
  locate: (code: string) => Country | null;
  measure: MapMeasure;
  words: MapWords;
}) {
  const { t } = useTranslation();
  const base = useMemo(
    () => ({
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(geoGraticule10()) ?? '',
      land: path({ type: 'FeatureCollection', features: atlas.countries }) ?? '',
      borders: path(atlas.borders) ?? '',
    }),
    [atlas],
  );

  const lines = useMemo(
    () =>
      segments.flatMap((s) => {
        const [a, b] = [locate(s.from), locate(s.to)];
        const [pa, pb] = [a && projection(a.anchor), b && projection(b.anchor)];
        return a && b && pa && pb ? [{ segment: s, ends: [a, b] as const, ...curve(pa, pb) }] : [];
      }),
    [segments, locate],
  );
  const dots = useMemo(
    () =>
      places.flatMap((p) => {
        const at = projection([p.lon, p.lat]);
        return at ? [{ place: p, at }] : [];
      }),
    [places],
  );
  const onRoutes = useMemo(() => {
    const found = new Map<string, Country>();
    for (const l of lines) for (const [i, c] of l.ends.entries()) found.set(i === 0 ? l.segment.from : l.segment.to, c);
    return found;
  }, [lines]);
  const shaded = useMemo(
    () => path({ type: 'FeatureCollection', features: [...onRoutes.values()].map((c) => c.feature) }) ?? '',
    [onRoutes],
  );

  // the box that shows every line and circle; the user's zoom holds until the data changes
  const fitted = useMemo(() => {
    const points = [...onRoutes.values()].flatMap((c) => {
      const p = projection(c.anchor);
      return p ? [p] : [];
    });
    return boxAround([...points, ...dots.map((d) => d.at)], MAP_WIDTH, MAP_HEIGHT);
  }, [onRoutes, dots]);
  const fittedId = `${fitted.x},${fitted.y},${fitted.w}`;
  const [zoom, setZoom] = useState<{ base: string; box: ViewBox } | null>(null);
  const box = zoom && zoom.base === fittedId ? zoom.box : fitted;
  const setBox = (next: ViewBox) => setZoom({ base: fittedId, box: next });

  // pixels of a 960-pixel map → units of the plane at this zoom
  const u = box.w / MAP_WIDTH;
  const width = sqrtScale(Math.max(0, ...lines.map((l) => measureOf(l.segment, measure))), SEGMENT_WIDTH);
  const radius = sqrtScale(Math.max(0, ...dots.map((d) => measureOf(d.place, measure))), PLACE_RADIUS);

  const [active, setActive] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const show = (id: string, title: string, lines: string[]) => (e: MouseEvent | FocusEvent) => {
    const outer = frame.current?.getBoundingClientRect();
    if (!outer) return;
    let [x, y] = ['clientX' in e ? e.clientX : 0, 'clientY' in e ? e.clientY : 0];
    if (e.type === 'focus') {
      const r = (e.currentTarget as Element).getBoundingClientRect();
      [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
    }
    setActive(id);
    setTip({ x: x - outer.left, y: y - outer.top, title, lines });
  };
  const hide = () => {
    setActive(null);
    setTip(null);
  };

  // the wheel zooms around the pointer (a listener of its own: React's wheel events are passive)
  const latest = useRef({ box, setBox });
  useEffect(() => {
    latest.current = { box, setBox };
  });
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0) return;
      e.preventDefault();
      const { box: b, setBox: set } = latest.current;
      const at = [b.x + ((e.clientX - r.left) / r.width) * b.w, b.y + ((e.clientY - r.top) / r.height) * b.h] as const;
      set(zoomBox(b, e.deltaY < 0 ? 1.25 : 0.8, MAP_WIDTH, MAP_HEIGHT, at));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // dragging moves the map
  const drag = useRef<{ x: number; y: number; box: ViewBox } | null>(null);
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, box };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    const r = e.currentTarget.getBoundingClientRect();
    if (!d || r.width === 0) return;
    const scale = d.box.w / r.width;
    setBox(clampBox({ ...d.box, x: d.box.x - (e.clientX - d.x) * scale, y: d.box.y - (e.clientY - d.y) * scale }, MAP_WIDTH, MAP_HEIGHT));
  };
  const endDrag = () => {
    drag.current = null;
  };

  const labelled = onRoutes.size <= 40 ? [...onRoutes.entries()] : [];
  const zoomBy = (factor: number) => setBox(zoomBox(box, factor, MAP_WIDTH, MAP_HEIGHT));

  return (
    <Box ref={frame} pos="relative" data-testid="routes-map">
      <svg
        ref={svg}
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        role="group"
        aria-label={t('statistics:map.label', { measure: t(`statistics:measures.${measure}`).toLocaleLowerCase() })}
        style={{ display: 'block', width: '100%', aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}`, touchAction: 'none', cursor: 'grab', background: 'var(--mantine-color-body)' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        data-testid="routes-map-svg"
        data-box={`${Math.round(box.x)} ${Math.round(box.y)} ${Math.round(box.w)} ${Math.round(box.h)}`}
      >
        <path d={base.sphere} fill="var(--mantine-color-blue-0)" stroke="var(--mantine-color-gray-4)" strokeWidth={0.5 * u} />
        <path d={base.graticule} fill="none" stroke="var(--mantine-color-gray-3)" strokeWidth={0.4 * u} />
        <path d={base.land} fill="var(--mantine-color-gray-2)" data-testid="map-land" />
        <path d={shaded} fill="var(--mantine-color-yellow-1)" />
        <path d={base.borders} fill="none" stroke="var(--mantine-color-gray-5)" strokeWidth={0.5 * u} strokeLinejoin="round" />
        <g fill="none" strokeLinecap="round">
          {lines.map((l) => {
            const w = width(measureOf(l.segment, measure)) * u;
            const on = active === `s:${l.segment.key}`;
            const colour = on ? 'var(--mantine-color-orange-7)' : 'var(--mantine-color-red-7)';
            const title = words.segment(l.segment);
            const figures = words.figures(l.segment);
            return (
              <g
                key={l.segment.key}
                tabIndex={0}
                role="img"
                aria-label={`${title}. ${figures.join('. ')}`}
                data-testid="map-segment"
                data-segment={l.segment.key}
                onMouseEnter={show(`s:${l.segment.key}`, title, figures)}
                onMouseMove={show(`s:${l.segment.key}`, title, figures)}
                onMouseLeave={hide}
                onFocus={show(`s:${l.segment.key}`, title, figures)}
                onBlur={hide}
                style={{ outline: 'none', cursor: 'pointer' }}
              >
                {/* a wider invisible line under the visible one: thin lines are easier to point at */}
                <path d={l.d} stroke="transparent" strokeWidth={Math.max(w, 10 * u)} />
                <path d={l.d} stroke={colour} strokeOpacity={on ? 1 : 0.75} strokeWidth={on ? w + 1.5 * u : w} />
                <polygon
                  points={arrowHead(l.mid, l.angle, ((w / u) * 1.5 + 6) * u)}
                  fill={on ? 'var(--mantine-color-orange-9)' : 'var(--mantine-color-red-9)'}
                  stroke="var(--mantine-color-white)"
                  strokeWidth={0.8 * u}
                  strokeLinejoin="round"
                />
              </g>
            );
          })}
        </g>
        <g>
          {dots.map((d) => {
            const on = active === `p:${d.place.key}`;
            const title = words.place(d.place);
            const figures = words.figures(d.place);
            return (
              <circle
                key={d.place.key}
                cx={d.at[0]}
                cy={d.at[1]}
                r={radius(measureOf(d.place, measure)) * u}
                tabIndex={0}
                role="img"
                aria-label={`${title}. ${figures.join('. ')}`}
                fill={on ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-blue-7)'}
                fillOpacity={on ? 0.9 : 0.55}
                stroke="var(--mantine-color-white)"
                strokeWidth={(on ? 2 : 1) * u}
                data-testid="map-place"
                data-place={d.place.key}
                onMouseEnter={show(`p:${d.place.key}`, title, figures)}
                onMouseMove={show(`p:${d.place.key}`, title, figures)}
                onMouseLeave={hide}
                onFocus={show(`p:${d.place.key}`, title, figures)}
                onBlur={hide}
                style={{ outline: 'none', cursor: 'pointer' }}
              />
            );
          })}
        </g>
        <g aria-hidden fontSize={12 * u} fill="var(--mantine-color-dark-7)" stroke="var(--mantine-color-white)" strokeWidth={3 * u} paintOrder="stroke" strokeLinejoin="round" pointerEvents="none">
          {labelled.map(([code, c]) => {
            const p = projection(c.anchor);
            return p ? (
              <text key={code} x={p[0]} y={p[1] - 6 * u} textAnchor="middle" data-testid="map-country-label">
                {words.country(code)}
              </text>
            ) : null;
          })}
        </g>
      </svg>
      <Group gap={4} pos="absolute" top={8} style={{ insetInlineEnd: 8 }} role="group" aria-label={t('statistics:map.zoom')}>
        <ActionIcon variant="default" aria-label={t('statistics:map.zoomIn')} onClick={() => zoomBy(2)} data-testid="map-zoom-in">
          <IconPlus size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon variant="default" aria-label={t('statistics:map.zoomOut')} onClick={() => zoomBy(0.5)} data-testid="map-zoom-out">
          <IconMinus size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon variant="default" aria-label={t('statistics:map.reset')} onClick={() => setZoom(null)} data-testid="map-zoom-reset">
          <IconFocusCentered size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {tip && (
        <Paper
          shadow="md"
          withBorder
          p={6}
          pos="absolute"
          aria-hidden
          data-testid="map-tooltip"
          style={{ left: tip.x + 12, top: tip.y + 12, pointerEvents: 'none', zIndex: 2, maxWidth: 260 }}
        >
          <Text size="sm" fw={600}>
            {tip.title}
          </Text>
          {tip.lines.map((l) => (
            <Text key={l} size="xs">
              {l}
            </Text>
          ))}
        </Paper>
      )}
    </Box>
  );
}
