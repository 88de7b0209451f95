import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerUiFonts } from './lib/uiFonts';
import { loadAtlasMap } from './lib/map/loadMap';
import { cssVariables } from './lib/model/palette';

// The page's colours come from the one palette the map style and the exports read too.
for (const [name, value] of Object.entries(cssVariables)) document.documentElement.style.setProperty(name, value);
registerUiFonts(document.baseURI);
// MapLibre (a chunk of its own) downloads and starts its workers while the dataset loads and the shell mounts.
void loadAtlasMap();

const target = document.getElementById('app')!;
target.textContent = '';
mount(App, { target });
