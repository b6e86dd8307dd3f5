/**
 * Chart.js with only what the statistics page draws registered (lines, bars, pies, category
 * and linear axes, legend, tooltip), so the rest of the library is left out of the build.
 * Imported on demand by the chart (`import('../lib/chartjs')`): its own script, loaded with
 * the statistics page and never with the sign-in route.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, BarController, PieController, LineElement, PointElement, BarElement, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
export type { ChartConfiguration } from 'chart.js';
