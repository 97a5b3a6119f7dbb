import { contextBridge } from 'electron'
contextBridge.exposeInMainWorld('gantry', Object.freeze({}))
