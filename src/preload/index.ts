import { contextBridge, ipcRenderer } from 'electron'
import { bridgeCreate } from './bridge'

// ipcRenderer stays here: the renderer only gets the frozen object with one function per channel.
contextBridge.exposeInMainWorld('gantry', bridgeCreate(ipcRenderer))
