/**
 * How each kind of node is drawn: a shape (kinds are told apart without colour) and a colour,
 * the same in the graph (Cytoscape's stylesheet) and in its legend (small SVG shapes).
 */
import type { StylesheetJson } from 'cytoscape';
import type { NodeKind } from './graph';

export interface KindLook {
  /** a Cytoscape node shape */
  shape: 'round-rectangle' | 'ellipse' | 'rectangle' | 'triangle' | 'diamond' | 'pentagon' | 'hexagon' | 'vee' | 'octagon';
  colour: string;
}

export const LOOKS: Record<NodeKind, KindLook> = {
  case: { shape: 'round-rectangle', colour: '#d9480f' },
  person: { shape: 'ellipse', colour: '#1c7ed6' },
  company: { shape: 'rectangle', colour: '#2b8a3e' },
  conveyance: { shape: 'triangle', colour: '#862e9c' },
  identifier: { shape: 'octagon', colour: '#5c940d' },
  address: { shape: 'diamond', colour: '#5f3dc4' },
  phone: { shape: 'hexagon', colour: '#0c8599' },
  email: { shape: 'vee', colour: '#c2255c' },
};

/** Colours of the chain found and of the node chosen. */
export const PATH_COLOUR = '#f59f00';
export const SELECTED_COLOUR = '#000000';

/** Polygon points of a shape in a 16 × 16 box, for the legend (null: drawn otherwise). */
export function legendPoints(shape: KindLook['shape']): string | null {
  switch (shape) {
    case 'triangle':
      return '8,1 15,15 1,15';
    case 'diamond':
      return '8,1 15,8 8,15 1,8';
    case 'pentagon':
      return '8,1 15,6 12,15 4,15 1,6';
    case 'hexagon':
      return '4,1 12,1 15,8 12,15 4,15 1,8';
    case 'octagon':
      return '5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5';
    case 'vee':
      return '1,1 8,6 15,1 8,15';
    default:
      return null;
  }
}

export const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      color: '#212529',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'background-color': '#868e96',
      'border-width': 1,
      'border-color': '#343a40',
      width: 24,
      height: 24,
    },
  },
  ...Object.entries(LOOKS).map(([kind, look]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: look.shape, 'background-color': look.colour },
  })),
  { selector: 'node[kind = "case"]', style: { width: 30, height: 24 } },
  // more neighbours than listed: a dashed border ("Show more" in the panel)
  { selector: 'node.truncated', style: { 'border-style': 'dashed', 'border-width': 3 } },
  { selector: 'node.expanded', style: { 'border-width': 2 } },
  { selector: 'node.start', style: { width: 38, height: 38, 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#adb5bd',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 8,
      color: '#495057',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.path', style: { width: 5, 'line-color': PATH_COLOUR, 'z-index': 10 } },
  { selector: 'node.path', style: { 'border-width': 5, 'border-color': PATH_COLOUR, 'z-index': 10 } },
  { selector: 'node.chosen', style: { 'border-width': 5, 'border-color': SELECTED_COLOUR, 'overlay-color': SELECTED_COLOUR, 'overlay-opacity': 0.12, 'overlay-padding': 6 } },
];
