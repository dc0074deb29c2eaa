package dev.tarn.bench;
