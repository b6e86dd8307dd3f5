import { useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { ActionIcon, Box, Group, Text, Tooltip } from '@mantine/core';
import { IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const MIN = 0.5;
const MAX = 8;
const clamp = (z: number) => Math.min(MAX, Math.max(MIN, z));

/**
 * A zoomable, pannable image (X-rays need close looks): wheel or buttons to zoom, drag or
 * arrow keys to pan. Plain CSS transforms; no library.
 */
export function ImageViewer({ src, alt, invertable = false }: { src: string; alt: string; invertable?: boolean }) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [invert, setInvert] = useState(false);
  const drag = useRef<{ x: number; y: number; ox: number; oy: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  const zoomBy = (factor: number) => setZoom((z) => clamp(z * factor));
  const reset = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };
  const onWheel = (e: WheelEvent) => {
    zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, ox: offset.x, oy: offset.y };
    setDragging(true);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (d) setOffset({ x: d.ox + e.clientX - d.x, y: d.oy + e.clientY - d.y });
  };
  const onPointerUp = () => {
    drag.current = null;
    setDragging(false);
  };
  const pan = (dx: number, dy: number) => setOffset((o) => ({ x: o.x + dx, y: o.y + dy }));

  return (
    <Box>
      <Group gap="xs" mb="xs" justify="space-between">
        <Group gap="xs">
          <Tooltip label={t('seizures.viewer.zoomIn')}>
            <ActionIcon variant="default" onClick={() => zoomBy(1.5)} aria-label={t('seizures.viewer.zoomIn')} disabled={zoom >= MAX}>
              <IconZoomIn size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('seizures.viewer.zoomOut')}>
            <ActionIcon variant="default" onClick={() => zoomBy(1 / 1.5)} aria-label={t('seizures.viewer.zoomOut')} disabled={zoom <= MIN}>
              <IconZoomOut size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('seizures.viewer.reset')}>
            <ActionIcon variant="default" onClick={reset} aria-label={t('seizures.viewer.reset')}>
              <IconZoomReset size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {invertable && (
            <ActionIcon.Group>
              <Tooltip label={t('seizures.viewer.invert')}>
                <ActionIcon
                  variant={invert ? 'filled' : 'default'}
                  onClick={() => setInvert((v) => !v)}
                  aria-label={t('seizures.viewer.invert')}
                  aria-pressed={invert}
                >
                  <Text size="xs" fw={700} aria-hidden>
                    ±
                  </Text>
                </ActionIcon>
              </Tooltip>
            </ActionIcon.Group>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="viewer-zoom" aria-live="polite">
          {Math.round(zoom * 100)} %
        </Text>
      </Group>
      <Box
        role="application"
        aria-roledescription={t('seizures.viewer.roleDescription')}
        aria-label={alt}
        tabIndex={0}
        data-testid="image-viewer"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={(e) => {
          const step = 40;
          const keys: Record<string, () => void> = {
            ArrowLeft: () => pan(step, 0),
            ArrowRight: () => pan(-step, 0),
            ArrowUp: () => pan(0, step),
            ArrowDown: () => pan(0, -step),
            '+': () => zoomBy(1.5),
            '=': () => zoomBy(1.5),
            '-': () => zoomBy(1 / 1.5),
            '0': reset,
          };
          const action = keys[e.key];
          if (action) {
            e.preventDefault();
            action();
          }
        }}
        style={{
          overflow: 'hidden',
          height: '65vh',
          background: '#111',
          cursor: dragging ? 'grabbing' : 'grab',
          touchAction: 'none',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        <img
          src={src}
          alt={alt}
          draggable={false}
          data-zoom={zoom}
          style={{
            maxWidth: '100%',
            maxHeight: '100%',
            transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})`,
            transformOrigin: 'center',
            filter: invert ? 'invert(1)' : undefined,
            imageRendering: zoom > 2 ? 'pixelated' : undefined,
            userSelect: 'none',
          }}
        />
      </Box>
    </Box>
  );
}
