import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerUiFonts } from './lib/uiFonts';
import { warmUpMap } from './lib/map/AtlasMap';

registerUiFonts(document.baseURI);
warmUpMap();

const target = document.getElementById('app')!;
target.textContent = '';
mount(App, { target });
